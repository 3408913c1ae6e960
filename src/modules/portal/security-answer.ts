// The security question's answer: hashed like a password, compared after the same normalization, so
// "San Martín " and "san martin" are one answer.
import { hashPassword, passwordMatches } from '../patients/accounts.passwords.js';

/** Lower case, no accents, single spaces: what a person means by "the same answer". */
export function normalizeAnswer(answer: string): string {
  return answer
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function hashAnswer(answer: string): Promise<string> {
  return hashPassword(normalizeAnswer(answer));
}

/** False when no answer was ever set, after the same work as a wrong one. */
export function answerMatches(storedHash: string, answer: string): Promise<boolean> {
  return passwordMatches(storedHash || undefined, normalizeAnswer(answer));
}

/** Longer answers are not more secure, only harder to type the same way twice (first access and Perfil alike). */
export const SECURITY_ANSWER_MAX = 100;

/** The questions offered; the patient picks one (the answer is what identifies them, not the question). */
export const SECURITY_QUESTIONS = [
  'firstSchool',
  'motherMaidenName',
  'firstPet',
  'birthCity',
  'childhoodFriend',
] as const;
export type SecurityQuestion = (typeof SECURITY_QUESTIONS)[number];
