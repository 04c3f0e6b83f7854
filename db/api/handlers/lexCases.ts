// Handlers for the lex Sarah and lex Maria register; rules in db/writes/lexCases.ts.
import { stamp } from '../../writes/stamp.ts';
import { createLexCase, deleteLexCase, updateLexCase } from '../../writes/lexCases.ts';
import { getLexCase, listLexCases } from '../../queries/lexCases.ts';
import type { Handlers } from '../handle.ts';

type LexCaseHandlers = Pick<Handlers, 'lexCases.list' | 'lexCases.get' | 'lexCases.create' | 'lexCases.update' | 'lexCases.delete'>;

export const lexCaseHandlers: LexCaseHandlers = {
  'lexCases.list': (ctx, input) => listLexCases(ctx.session.db, input),
  'lexCases.get': (ctx, { id }) => getLexCase(ctx.session.db, id),
  'lexCases.create': (ctx, input) => {
    const id = createLexCase(ctx.session.db, input, stamp(ctx).updatedBy);
    return getLexCase(ctx.session.db, id);
  },
  'lexCases.update': (ctx, { id, patch }) => {
    updateLexCase(ctx.session.db, id, patch, stamp(ctx));
    return getLexCase(ctx.session.db, id);
  },
  'lexCases.delete': (ctx, { id }) => {
    deleteLexCase(ctx.session.db, id);
    return { deleted: true as const };
  },
};
