/** Emergency (crisis) contacts: list and form (placeholder until built). */
export function EmergencyContactsPage() {
  return null;
}
