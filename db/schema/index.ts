export * from './organisation.ts';
export * from './inspections.ts';
export * from './selfAssessment.ts';
export * from './actions.ts';
export * from './lexCases.ts';
export * from './system.ts';
export * from './snapshots.ts';
export * from './council.ts';
