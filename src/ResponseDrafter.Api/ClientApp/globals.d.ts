// What the pages get from script tags loaded at run time (host.js, auth.js), typed by the packages the build copies
// into wwwroot/lib/. Office and Word are not declared here: they come from @types/office-js.

declare global {
  interface Window {
    msal: typeof import('@azure/msal-browser');
    microsoftTeams: typeof import('@microsoft/teams-js');
  }

  /** What the pages read from Fluent UI's form controls (fluent-text-field, fluent-text-area, fluent-checkbox, fluent-button). */
  interface FluentControl extends HTMLElement {
    value: string;
    checked: boolean;
    disabled: boolean;
  }
}

export {};
