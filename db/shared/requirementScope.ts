// Which kvalitetskrav a new inspection of a unit preselects: those that apply to the unit's
// verksamhetstyp and can be judged at the unit; the rest stay one click away. Shared so the
// "Ny tillsyn" form and the tests use the one rule.

export interface RequirementScope<UnitType extends string> {
  /** The verksamhetstyper named; none means every type (a requirement recorded before scopes existed). */
  unitTypes: readonly UnitType[];
  /** Judged at the beställare (e.g. time from application to decision), never at a utförare's unit. */
  judgedAtCommissioner: boolean;
}

/** True when a new inspection of a unit of this type should assess the requirement. */
export function requirementAppliesTo<UnitType extends string>(scope: RequirementScope<UnitType>, unitType: UnitType): boolean {
  if (scope.judgedAtCommissioner) return false;
  return scope.unitTypes.length === 0 || scope.unitTypes.includes(unitType);
}

/** The codes present, each once, in the order of their closed set (the order lists show). */
export function inCodeOrder<Code extends string>(codes: Iterable<string>, order: readonly Code[]): Code[] {
  const present = new Set(codes);
  return order.filter((c) => present.has(c));
}
