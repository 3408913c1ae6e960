// How the card prints what it shows: pure, so the page, the PDF and the API agree to the character.

/** "12345678" → "12.345.678", as the DNI card prints it; anything that is not only digits stays as it is. */
export function groupDni(dni: string): string {
  if (!/^\d+$/.test(dni)) return dni;
  return dni.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The staff's address a scanned card opens: the base without its trailing slashes, then the patient's id. */
export function credentialScanUrl(baseUrl: string, patientId: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/staff/credencial/${patientId}`;
}
