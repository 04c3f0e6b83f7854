// A child process that opens a database the way the app does (a Session) and is then killed
// (SIGKILL) without closing it: an app or computer that stopped uncleanly.
// Usage: node crashChild.ts <db>
import path from 'node:path';
import { Session } from '../../db/session.ts';
import { seedDemoMunicipality } from '../../db/demo/seedDemo.ts';

const [dbFile = ''] = process.argv.slice(2);
const migrationsFolder = path.join(import.meta.dirname, '..', '..', 'db', 'migrations');
const session = new Session({ ownFile: dbFile, migrationsFolder, seedDemo: seedDemoMunicipality, fullCheckAtOpenMaxBytes: 0 });
session.db.sqlite.prepare("INSERT INTO operating_areas (id, name, name_folded) VALUES ('crash', 'Kraschområde', 'kraschområde')").run();
process.kill(process.pid, 'SIGKILL');
