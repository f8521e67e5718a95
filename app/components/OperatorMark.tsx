import { OPERATORS, type OperatorId } from "~/lib/mobile-money";

/**
 * An operator's mark drawn in place (its brand colour and short name), so that a buyer
 * recognises their wallet without the shop fetching anyone's logo.
 */
export function OperatorMark({ operator, size = 40 }: { operator: OperatorId; size?: number }) {
  const { short, background, foreground } = OPERATORS[operator];
  const fontSize = short.length > 6 ? 9 : short.length > 4 ? 11 : 13;
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false" className="shrink-0">
      <rect width="40" height="40" rx="9" fill={background} />
      <text
        x="20"
        y="24.5"
        textAnchor="middle"
        fontFamily="system-ui, sans-serif"
        fontWeight="800"
        fontSize={fontSize}
        fill={foreground}
      >
        {short}
      </text>
    </svg>
  );
}
