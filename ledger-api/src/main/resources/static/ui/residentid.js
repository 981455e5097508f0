// GB 11643-1999 check digit, the same rule the ledger applies (ResidentId.checkDigitFor):
// weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 -> 1 0 X 9 8 7 6 5 4 3 2.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkDigit(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * WEIGHTS[i];
  }
  return CHECK[sum % 11];
}

/** null when acceptable as typed so far judged complete, otherwise the i18n key of the problem. */
export function residentIdProblem(value) {
  const id = value.trim().toUpperCase();
  if (id.length === 0) {
    return 'id.required';
  }
  if (/^\d{15}$/.test(id)) {
    return null;
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return 'id.length';
  }
  return checkDigit(id.substring(0, 17)) === id[17] ? null : 'id.checkDigit';
}
