// How a contract method is declared: its zod input schema and (as a phantom type) its result.
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I;
  /** Never set at run time; carries the result type for the transports and the renderer. */
  readonly result?: R;
}

export function method<R>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });
}
