/** `Object.freeze` under one name that minifiers shorten, so a bundle spells `Object.freeze` once. */
export const freeze = Object.freeze;
