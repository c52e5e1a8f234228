// The report's stylesheet (inline: the page is one self-contained file). Light by default,
// dark when the reader's system asks for it; printable.
import { CATEGORIES, OBSTACLE_KINDS } from '../../model';
import { categoryVar, colourRule, obstacleVar } from '../../taxonomy';
import { VERDICT_COLOR } from './palette';

// The taxonomy table's colours as custom properties; each badge picks its own as --c.
const badgeColors = [
  colourRule(':root'),
  ...CATEGORIES.map((c) => `.badge.cat-${c}{--c:var(${categoryVar(c)})}`),
  ...OBSTACLE_KINDS.map((k) => `.badge.obstacle-${k}{--c:var(${obstacleVar(k)})}`),
  '.badge[class*="cat-"],.badge[class*="obstacle-"]{color:var(--c);border-color:color-mix(in srgb,var(--c) 35%,transparent);background:color-mix(in srgb,var(--c) 8%,transparent)}',
  '.badge.critical{color:#fff;background:var(--c);border-color:var(--c)}',
].join('\n');
const verdictColors = (Object.entries(VERDICT_COLOR) as [string, string][]).map(([v, c]) => `.verdict.v-${v}{color:${c};border-color:${c}66;background:${c}12}`).join('\n');

export const REPORT_CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--card:#fff;--bg:#f6f8fa;--accent:#0969da;--code:#eff2f5}
@media (prefers-color-scheme: dark){:root{--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;--card:#0d1117;--bg:#010409;--accent:#4493f8;--code:#151b23}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",sans-serif}
body{margin:0 auto;max-width:1320px;padding:28px 28px 64px}
h1{font-size:24px;margin:0 0 4px;font-weight:600}
h2{font-size:18px;margin:36px 0 12px;font-weight:600;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:14px;margin:0 0 2px;font-weight:600}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.sub{color:var(--muted);margin:0}
.note{color:var(--muted);font-size:12.5px;margin:4px 0 10px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:20px 0 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .v{font-size:24px;font-weight:600;margin-top:2px}
.card .d{color:var(--muted);font-size:12px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:14px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;overflow-x:auto}
.panel .note{margin-top:0}
svg.chart{display:block;max-width:100%;height:auto;overflow:visible}
.wide{grid-column:1/-1}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
.tablewrap{background:var(--card);border:1px solid var(--line);border-radius:8px;overflow-x:auto}
th,td{padding:6px 8px;text-align:left;border-bottom:1px solid var(--line);vertical-align:top;white-space:nowrap}
th{font-weight:600;color:var(--muted);font-size:12px;background:var(--soft);white-space:normal;vertical-align:bottom}
td.n,th.n{text-align:right}
th.vert{padding:8px 4px 6px;text-align:center}th.vert span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block;white-space:nowrap;border-left:3px solid;padding-left:0;line-height:1.2}
td.c{text-align:center;padding:6px 4px;color:var(--fg)}
tr:last-child td{border-bottom:0}
tr.total td{font-weight:600;background:var(--soft)}
td.file{max-width:260px;overflow:hidden;text-overflow:ellipsis}td.file a{font-weight:500}.path{color:var(--muted);font-size:11.5px;overflow:hidden;text-overflow:ellipsis}
td.model{max-width:180px;overflow:hidden;text-overflow:ellipsis}
.pct{display:inline-block;min-width:46px}.rate{display:inline-block;width:70px;height:8px;border-radius:4px;background:var(--line);vertical-align:middle;margin-left:8px;overflow:hidden}
.rate>i{display:block;height:100%;background:#cf222e}.rate.none{visibility:hidden}
td.model.wrap{white-space:normal;max-width:300px;word-break:break-word}
.badge{display:inline-block;font-size:11px;line-height:16px;padding:0 6px;border-radius:10px;border:1px solid var(--line);margin:0 4px 2px 0;white-space:nowrap}
.badge.obstacle{color:#9a6700;border-color:#d4a72c;background:#fff8c5}
.badge.flag{color:var(--muted)}
.badge.exit-bad{color:#cf222e;border-color:#cf222e55}
${badgeColors}
.verdict{display:inline-block;font-size:12px;font-weight:600;padding:0 8px;border-radius:10px;border:1px solid;white-space:nowrap}
${verdictColors}
.count{font-size:11px;color:var(--muted);margin-right:8px}
.dots{white-space:nowrap;letter-spacing:2px}.dot{display:inline-block;width:9px;height:9px;border-radius:50%;border:1.5px solid #8250df}.dot.on{background:#8250df}
.progress{font-size:12px;color:var(--muted)}
.tree,.tree ul{list-style:none;margin:0;padding-left:22px}
.tree>ul{padding-left:0}.tree>ul>li::before{display:none}
.tree li{position:relative;margin:6px 0}
.tree ul li::before{content:"";position:absolute;left:-14px;top:-6px;width:10px;height:18px;border-left:1.5px solid var(--line);border-bottom:1.5px solid var(--line);border-bottom-left-radius:4px}
.gen{display:inline-block;font-size:11px;font-weight:600;color:#fff;background:#8250df;border-radius:10px;padding:0 7px;margin-right:6px}
.gen.g0{background:#57606a}
.evidence{color:var(--muted);font-size:12px}
details.run{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:8px 0}
details.run>summary{cursor:pointer;padding:10px 14px;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center;list-style-position:inside}
details.run[open]>summary{border-bottom:1px solid var(--line)}
.run-title{font-weight:600}
.run-meta{color:var(--muted);font-size:12.5px}
.run-cats{flex-basis:100%;padding-left:18px}
.run-body{padding:8px 16px 14px}
.task,.reason{margin:6px 0;max-width:900px}
ol.steps{list-style:none;margin:8px 0 0;padding:0;border-left:2px solid var(--line)}
li.step{position:relative;padding:6px 0 10px 18px;scroll-margin-top:16px}
li.step::before{content:"";position:absolute;left:-6px;top:12px;width:10px;height:10px;border-radius:50%;background:var(--card);border:2px solid var(--line)}
li.step.critical::before{border-color:#cf222e;background:#cf222e}
li.step:target{background:linear-gradient(90deg,#fff8c580,transparent)}
.step-head{display:flex;gap:10px;align-items:baseline;font-size:12px;color:var(--muted)}
.step-no{font-weight:600;color:var(--fg)}
.thought{margin:4px 0 6px;white-space:pre-wrap;max-width:980px;color:var(--fg)}
.cmd{margin:6px 0 8px;border-left:3px solid var(--line);padding-left:10px}
.cmd.is-critical{border-left-color:#cf222e}
pre{margin:0;white-space:pre-wrap;word-break:break-word;font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre.cmdline{background:var(--code);padding:6px 9px;border-radius:6px;margin-bottom:4px}
details.output>summary{cursor:pointer;color:var(--muted);font-size:12px}
details.output pre{background:var(--soft);border:1px solid var(--line);padding:8px 10px;border-radius:6px;margin-top:4px;max-height:360px;overflow:auto}
.cut{color:var(--muted);font-style:italic;font-size:12px}
ul.issues{color:#9a6700;font-size:12.5px}
.errors li{color:#cf222e}
footer{margin-top:40px;color:var(--muted);font-size:12px}
@media print{details.run{break-inside:avoid}body{max-width:none}}
`;
