// Overdue follow-ups on Översikt: today's overdue actions per source (tillsyn, IVO, …), the
// first few of each with what they answer, and a link to the source's overdue actions in Uppföljning.
import { useTranslation } from 'react-i18next';
import type { ActionRow } from '../../../db/api/contract.ts';
import { useQuery } from '../../kit/useQuery.ts';
import { actionLinkText } from '../tillsyn/followup/actionLink.ts';

/** Actions listed per source; the rest are one click away in Uppföljning. */
const SHOWN_PER_SOURCE = 5;

function OverdueItem({ action }: { action: ActionRow }) {
  const { t } = useTranslation('tillsyn');
  const link = actionLinkText(t, action);
  return (
    <li>
      <span className="badge badge-overdue">{t(`codes.overdue.${action.overdue ?? 'deadline'}`)}</span>{' '}
      <span className="muted">{action.overdue === 'follow_up' ? action.followUpDate : action.deadline}</span>{' '}
      {action.inspectionId ? <a href={`#/tillsyner/${action.inspectionId}`}>{link}</a> : link}: {action.description}
    </li>
  );
}

export function OverdueActions() {
  const { t } = useTranslation('tillsyn');
  const { data: groups } = useQuery('actions.overdueBySource', { first: SHOWN_PER_SOURCE });
  if (!groups) return null;
  return (
    <section className="card overdue-overview" aria-labelledby="overdue-heading">
      <h2 id="overdue-heading">{t('overview.overdueTitle')}</h2>
      {groups.length === 0 ? <p>{t('overview.noneOverdue')}</p> : null}
      {groups.map((group) => {
        const label = t(`codes.actionSource.${group.source}`);
        return (
          <section key={group.source} aria-labelledby={`overdue-${group.source}`}>
            <h3 id={`overdue-${group.source}`}>
              {label} <span className="badge badge-overdue">{group.count}</span>
            </h3>
            <ul className="overdue-list">
              {group.actions.map((action) => (
                <OverdueItem key={action.id} action={action} />
              ))}
            </ul>
            <a href={`#/uppfoljning/forsenade/${group.source}`}>
              {t('overview.showInRegister', { count: group.count, source: label })}
            </a>
          </section>
        );
      })}
    </section>
  );
}
