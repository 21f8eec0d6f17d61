// What every panel shares: the server's opening state and the account the user picked.
import type { SidebarState } from "../../domain/forms/sidebar-api";

/** Shared sidebar state handed to each panel. */
export interface SidebarContext {
  state: SidebarState;
  /** The picked account tab, or `""` when none is picked. */
  account(): string;
  /** Runs `listener` whenever the user picks another account. */
  onAccountChange(listener: () => void): void;
}

/** A context over `state` whose account is read from the header's account picker. */
export function createContext(state: SidebarState, picker: HTMLSelectElement): SidebarContext {
  const listeners: (() => void)[] = [];
  picker.addEventListener("change", () => {
    for (const listener of listeners) listener();
  });
  return {
    state,
    account: () => picker.value,
    onAccountChange: (listener) => listeners.push(listener),
  };
}
