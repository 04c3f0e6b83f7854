// What a count import (synpunkter, avvikelser) will replace: the stored unit and period groups
// the file's rows fall in, listed in the import dialog before the user commits.
import type { CountReplacement } from '../../db/api/contract.ts';

export function ReplacesNotice(props: { replaces: readonly CountReplacement[]; intro: string; row: (replacement: CountReplacement) => string }) {
  if (props.replaces.length === 0) return null;
  return (
    <div className="notice" role="note">
      <p>{props.intro}</p>
      <ul>
        {props.replaces.map((r) => (
          <li key={`${r.unitName}-${r.operatingAreaName}-${r.period}`}>{props.row(r)}</li>
        ))}
      </ul>
    </div>
  );
}
