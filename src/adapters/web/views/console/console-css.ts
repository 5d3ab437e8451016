/** The console's extra styles, served at /assets/console.css (no inline styles under the CSP). */
export const consoleCss = `
main{max-width:60rem}
header.site{display:flex;justify-content:space-between;align-items:center}
header.site a.lang{color:#fff}
nav.console{background:#f3f2f1;padding:.5rem 1rem;border-bottom:1px solid #b1b4b6}
nav.console ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
nav.console form{margin:0}
button.link{background:none;color:#1d4ed8;text-decoration:underline;padding:0;min-height:auto;font-weight:400}
.acting{margin:.25rem 0 0;color:#505a5f}
.field input[type=checkbox]+label{display:inline;margin-left:.25rem}
textarea{width:100%;font:inherit;font-family:ui-monospace,monospace;padding:.5rem;border:2px solid #0b0c0c}
.checklist li{margin:.25rem 0}
.ok{color:#00703c;font-weight:600}.blocked{color:#b10e1e;font-weight:600}
code.hash{word-break:break-all}
.actions{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
`;
