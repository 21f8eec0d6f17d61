// The signed-in user's email, one way for every command (blank when Apps Script withholds it).

/**
 * The active user's address, or "" when Apps Script does not reveal it (consumer accounts, another
 * domain, a trigger) or the scope is missing
 * (developers.google.com/apps-script/reference/base/session#getActiveUser()).
 */
export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || "";
  } catch (_error) {
    return "";
  }
}
