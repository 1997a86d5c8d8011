/** Byte limits from the Modern IRC document and the IRCv3 message-tags spec. */

/** A line without its tag section, CRLF included. */
export const MAX_LINE_BYTES = 512;
/** The whole tag section a server may send or accept: `@`, the tags and the trailing space. */
export const MAX_TAGS_BYTES = 8191;
/** The part of the tag section a client may fill with its own (`+`) tags. */
export const MAX_CLIENT_TAGS_BYTES = 4094;
/** Modern IRC allows at most 15 parameters; a line with more is malformed. */
export const MAX_PARAMS = 15;
