/**
 * Text from people the workflow does not control (issue titles and bodies, comments, CI logs) is
 * data for the agent, never instructions it cannot see. What a reader of the rendered issue would
 * not see is removed before the agent reads it, so a reviewer of the issue reviewed everything the
 * agent was told.
 */

// HTML comments render as nothing; an unterminated one hides the rest of the text.
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g
// The Markdown "comment" idiom: a link reference definition to `#` or `<>`, e.g. `[//]: # (hidden)`.
// Definitions render as nothing and these point nowhere, so they exist only to hide text.
const MARKDOWN_COMMENT = /^ {0,3}\[[^\]\n]*\]:[ \t]*(?:#|<>)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$\n?/gm
// Invisible characters: zero-width and joiners, bidi controls and isolates (which reorder what is
// shown), tag characters (ASCII smuggled in the E0000 block), variation selectors (bytes smuggled
// after a visible character), Hangul fillers. Unicode names the whole set "default ignorable"; the
// format category adds the interlinear annotation marks.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu
// Control characters but tab and newline: terminal escapes can hide or rewrite text in a log viewer.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

/** Strips what a reader of rendered Markdown (an issue, a comment) cannot see: HTML and Markdown comments, invisible and bidi characters, control characters. */
export function cleanUntrustedText(text: string): string {
  return stripInvisibleCharacters(text.replace(/\r\n?/g, '\n').replace(HTML_COMMENT, '').replace(MARKDOWN_COMMENT, ''))
}

/**
 * Strips what a reader of plain text (a CI log) cannot see: invisible and bidi characters, control
 * characters. Markup is left alone, since plain text shows it.
 */
export function stripInvisibleCharacters(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(CONTROL, '')
}
