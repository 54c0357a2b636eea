import { css } from 'lit';

/** The Listen button (a secondary button with an icon) and the kiosk's headphones note. */
export const readAloudStyles = css`
  .read-aloud-button {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  .read-aloud-button svg {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: currentColor;
  }
  .read-aloud-note {
    margin-block-start: 0;
    color: var(--_secondary);
  }
`;
