export function MyNotificationsPage() { return null; }
