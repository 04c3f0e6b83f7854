// A computed caption with its dates kept whole: browsers may break a line after the hyphens of
// "2025-11-18", and "2025-" at the end of a line on a slide reads as a different number.
const ISO_DATE = /(\d{4}-\d{2}-\d{2})/;

export function CaptionText({ text }: { text: string }) {
  // split with a capture group puts the dates at the odd places.
  return (
    <>
      {text.split(ISO_DATE).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
