/**
 * Largest side-car cue document accepted (JSON cue list or WebVTT), in UTF-16 code units (a few
 * MB). A module of its own so the JSON cue-list parser, which the player shell needs for host
 * entries, does not pull in the WebVTT parser, which is loaded only for a side-car.
 */
export const MAX_CUE_DOCUMENT_LENGTH = 4 * 1024 * 1024;
