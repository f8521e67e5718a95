/**
 * A product card's picture: a 4:3 crop, so that cards line up whatever the editor uploaded, at the
 * widths a browser picks from for a card 170–360 CSS px wide on 1× to 2× screens. The loader sends
 * only the asset's address (`CardImageView`); the addresses below are written where the card renders.
 * Sent whole, four addresses a card, twice (in the HTML and in the page's data), they were half of
 * the home page's data for the browser to decode before the page answers a tap.
 */
const CARD_WIDTHS = [240, 360, 480, 720] as const;
const SHOWN_WIDTH = 480;

/** The crop as Sanity's image API takes it, written exactly as `@sanity/image-url` writes it. */
function cropped(url: string, width: number): string {
  return `${url}?w=${width}&h=${Math.round((width * 3) / 4)}&fit=crop&auto=format`;
}

export function cardImageSources(url: string) {
  return {
    src: cropped(url, SHOWN_WIDTH),
    srcSet: CARD_WIDTHS.map((width) => `${cropped(url, width)} ${width}w`).join(", "),
    width: SHOWN_WIDTH,
    height: Math.round((SHOWN_WIDTH * 3) / 4),
  };
}
