/**
 * A response's id is random, not time-ordered like the other ids: staff see it on the
 * comments page and in an action raised from feedback, and an id that encodes when a child
 * started answering would help to work out who wrote what. 26 characters of the same
 * alphabet as the other ids (130 random bits), so every id check still applies.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 26;

export function newResponseId(): string {
  let id = '';
  for (let i = 0; i < LENGTH; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}
