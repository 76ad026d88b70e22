/** What class-validator gives a constraint's `validate` and `defaultMessage`. */
export interface ConstraintArguments {
  targetName: string;
  property: string;
  object: object;
  value: unknown;
  constraints: unknown[];
}

function constraintText(constraint: unknown): string {
  if (Array.isArray(constraint)) return constraint.join(', ');
  if (typeof constraint === 'symbol') return constraint.description ?? '';
  return String(constraint);
}

/**
 * A failed constraint's message as class-validator words it: the decorator's
 * `message` option (text or function) or the constraint's default, with
 * `$constraintN`, `$value`, `$property` and `$target` filled in.
 */
export function constraintMessage(
  message: string | ((args: ConstraintArguments) => string) | undefined,
  defaultMessage: ((args: ConstraintArguments) => string) | undefined,
  args: ConstraintArguments,
): string {
  let text = typeof message === 'function' ? message(args) : message || (defaultMessage ? defaultMessage(args) : '');
  if (!text) return '';
  (args.constraints ?? []).forEach((constraint, index) => {
    text = text.replace(new RegExp(`\\$constraint${index + 1}`, 'g'), constraintText(constraint));
  });
  if (args.value !== undefined && args.value !== null && ['string', 'boolean', 'number'].includes(typeof args.value)) {
    text = text.replace(/\$value/g, String(args.value));
  }
  return text.replace(/\$property/g, args.property).replace(/\$target/g, args.targetName);
}
