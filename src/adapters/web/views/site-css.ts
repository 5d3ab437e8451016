/** The one stylesheet, served at /assets/site.css (the CSP forbids inline styles). Mobile first. */
export const siteCss = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0b0c0c;background:#fff}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fd0;padding:.5rem;z-index:9}
header.site{background:#1d1d3b;color:#fff;padding:.75rem 1rem}
header.site .brand{font-weight:700}header.site .context{opacity:.85;margin-left:.5rem}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0 1rem}
a{color:#1d4ed8}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
.field{margin:0 0 1.25rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
.hint{color:#505a5f;margin:.1rem 0 .35rem}
input[type=text],input[type=email],input[type=date],input[type=password],input[type=number],select,textarea{width:100%;font:inherit;padding:.5rem;border:2px solid #0b0c0c;border-radius:0;min-height:2.75rem}
input[type=number]{width:5rem}
.has-error input,.has-error select,.has-error textarea{border-color:#b10e1e}
.error{color:#b10e1e;font-weight:600;margin:.1rem 0 .35rem}
.error-summary{border:4px solid #b10e1e;padding:1rem;margin-bottom:1.5rem}
.error-summary h2{margin-top:0;font-size:1.2rem}
button,.button{display:inline-block;font:inherit;font-weight:600;background:#00703c;color:#fff;border:0;padding:.7rem 1.2rem;min-height:2.75rem;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#f3f2f1;color:#0b0c0c;border:2px solid #0b0c0c}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #b1b4b6}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.panel{border:3px solid #00703c;padding:1rem;margin:1rem 0}
.notice{border-left:6px solid #1d4ed8;padding:.5rem 1rem;margin:1rem 0;background:#f3f6fd}
.receipt{font-family:ui-monospace,monospace;font-size:1.25rem;letter-spacing:.05em;word-break:break-all}
`;
