/**
 * The printable progress report: one self-contained HTML page (no scripts, no external files)
 * with inline SVG charts, each followed by the data table it draws, for screen readers and for
 * print. The app prints it to PDF with the browser engine.
 */
import type { ProgressReport, ReportConcept } from './report-schema.ts';
import type { ReportVerification } from './signing.ts';
import type { ReportLocale } from './csv.ts';

const LABELS = {
  en: {
    title: 'Progress report',
    exported: 'Exported',
    completed: 'Exercises completed',
    activeTime: 'Active time',
    hints: 'Hints used',
    revealed: 'Solutions revealed',
    streak: 'Streak (days)',
    mastery: 'Mastery per concept',
    concept: 'Concept',
    masteryPct: 'Mastery (%)',
    evidence: 'Exercises checked',
    activity: 'Active minutes, last 30 days',
    day: 'Day',
    minutes: 'Minutes',
    attempts: 'Attempts',
    exercises: 'Exercises',
    exercise: 'Exercise',
    done: 'Done',
    checks: 'Checks',
    yes: 'yes',
    no: 'no',
    signature: 'Signature',
    none: 'No activity yet.',
    notAssessed: 'Not yet assessed',
    notAssessedLead: 'Not yet assessed: ',
    separator: ', ',
    confidence: 'Confidence',
    confidenceLevels: { none: 'no evidence yet', low: 'low', medium: 'medium', high: 'high' },
    confidenceHelp:
      'Confidence: low after 1–2 exercises checked, medium after 3–7, high from 8 (re-checking one exercise counts once). A concept with no checked exercise has no figure.',
    lastSeen: 'Last checked',
    never: 'never',
  },
  zh: {
    title: '学习进度报告',
    exported: '导出时间',
    completed: '已完成练习',
    activeTime: '有效学习时间',
    hints: '使用提示',
    revealed: '查看答案',
    streak: '连续学习（天）',
    mastery: '各知识点掌握度',
    concept: '知识点',
    masteryPct: '掌握度（%）',
    evidence: '已检查的练习',
    activity: '最近 30 天有效学习分钟数',
    day: '日期',
    minutes: '分钟',
    attempts: '尝试次数',
    exercises: '练习',
    exercise: '练习',
    done: '完成',
    checks: '检查',
    yes: '是',
    no: '否',
    signature: '签名',
    none: '还没有学习记录。',
    notAssessed: '尚未评估',
    notAssessedLead: '尚未评估：',
    separator: '、',
    confidence: '可信度',
    confidenceLevels: { none: '尚无依据', low: '低', medium: '中', high: '高' },
    confidenceHelp:
      '可信度：检查过 1–2 道练习为低，3–7 道为中，8 道及以上为高（同一道练习重复检查只算一次）。没有检查过练习的知识点不给出数字。',
    lastSeen: '最近一次检查',
    never: '从未',
  },
} as const;

const VERIFICATION = {
  en: { verified: 'verified', 'edited after export': 'edited after export', unsigned: 'unsigned' },
  zh: { verified: '已验证', 'edited after export': '导出后被修改', unsigned: '未签名' },
} as const;

/**
 * A count for the page. The report is built from database rows, and SQLite keeps whatever a
 * restored backup put in a column: a "count" may be text, so it is escaped like any text.
 */
function num(value: unknown): string {
  return escapeHtml(String(value));
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const formatMinutes = (ms: number) => String(Math.round(ms / 60_000));
const formatDuration = (ms: number, locale: ReportLocale) => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.round((ms % 3_600_000) / 60_000);
  return locale === 'zh' ? `${h} 小时 ${m} 分钟` : `${h} h ${m} min`;
};

export function reportToHtml(
  report: ProgressReport,
  options: { locale?: ReportLocale; verification?: ReportVerification } = {},
): string {
  const locale = options.locale ?? 'en';
  const L = LABELS[locale];
  const t = (x: { en: string; zh: string } | undefined, fallback: string) =>
    escapeHtml(x ? x[locale] : fallback);
  const s = report.summary;
  const cards: [string, string][] = [
    [L.completed, String(s.exercisesCompleted)],
    [L.activeTime, formatDuration(s.activeMs, locale)],
    [L.hints, String(s.hintsShown)],
    [L.revealed, String(s.solutionsRevealed)],
    [L.streak, String(s.streakDays)],
  ];
  const sections = report.tracks.map((track) => {
    // Bars only for figures with evidence; the concepts without are named once, under the chart.
    const bars = track.concepts.flatMap((c) =>
      c.mastery === null ? [] : [{ label: t(c.title, c.id), value: c.mastery }],
    );
    const unassessed = track.concepts.filter((c) => c.mastery === null).map((c) => t(c.title, c.id));
    const figure = (c: ReportConcept) =>
      c.mastery === null ? L.notAssessed : String(Math.round(c.mastery * 100));
    return `
    <section>
      <h2>${t(track.title, track.id)}</h2>
      <h3 id="mastery-${escapeHtml(track.id)}">${L.mastery}</h3>
      ${bars.length ? masteryChart(bars, `mastery-${escapeHtml(track.id)}`) : ''}
      ${unassessed.length ? `<p class="meta">${L.notAssessedLead}${unassessed.join(L.separator)}</p>` : ''}
      <table>
        <thead><tr><th scope="col">${L.concept}</th><th scope="col">${L.masteryPct}</th><th scope="col">${L.confidence}</th><th scope="col">${L.evidence}</th><th scope="col">${L.lastSeen}</th></tr></thead>
        <tbody>${track.concepts
          .map(
            (c) =>
              `<tr><th scope="row">${t(c.title, c.id)}</th><td>${figure(c)}</td><td>${L.confidenceLevels[c.confidence]}</td><td>${num(c.evidence)}</td><td>${c.lastSeen ? escapeHtml(c.lastSeen.slice(0, 10)) : L.never}</td></tr>`,
          )
          .join('')}</tbody>
      </table>
      <p class="meta">${L.confidenceHelp}</p>
      <h3>${L.exercises}</h3>
      <table>
        <thead><tr><th scope="col">${L.exercise}</th><th scope="col">${L.done}</th><th scope="col">${L.checks}</th><th scope="col">${L.hints}</th><th scope="col">${L.revealed}</th><th scope="col">${L.minutes}</th></tr></thead>
        <tbody>${track.exercises
          .map(
            (e) =>
              `<tr><th scope="row">${t(e.title, e.id)}</th><td>${e.completedAt ? L.yes : L.no}</td><td>${num(e.checks)}</td><td>${num(e.hintsShown)}</td><td>${e.solutionRevealed ? L.yes : L.no}</td><td>${formatMinutes(e.activeMs)}</td></tr>`,
          )
          .join('')}</tbody>
      </table>
    </section>`;
  });
  const recent = report.activity.slice(-30);
  return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${L.title}: ${escapeHtml(report.learner.name)}</title>
<style>
  body { font: 14px/1.45 system-ui, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1a1a1a; margin: 2rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1rem; }
  .meta { color: #555; } .cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; padding: 0; list-style: none; }
  .cards li { border: 1px solid #ccc; border-radius: 6px; padding: .5rem .75rem; min-width: 8rem; }
  .cards b { display: block; font-size: 1.3rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }
  thead th { background: #f0f0f0; } svg { max-width: 100%; height: auto; }
  @page { size: A4; margin: 16mm 14mm; }
  @media print { body { margin: 0; } section, table, svg { break-inside: avoid; } thead { display: table-header-group; } }
</style>
</head>
<body>
<header>
  <h1>${L.title}: ${escapeHtml(report.learner.name)}</h1>
  <p class="meta">${L.exported}: ${escapeHtml(report.exportedAt.slice(0, 16).replace('T', ' '))} UTC${
    options.verification ? ` · ${L.signature}: ${VERIFICATION[locale][options.verification]}` : ''
  }</p>
</header>
<ul class="cards">${cards.map(([k, v]) => `<li>${k}<b>${escapeHtml(v)}</b></li>`).join('')}</ul>
<section>
  <h2 id="activity">${L.activity}</h2>
  ${recent.length ? activityChart(recent, 'activity') : `<p>${L.none}</p>`}
  <table>
    <thead><tr><th scope="col">${L.day}</th><th scope="col">${L.minutes}</th><th scope="col">${L.attempts}</th></tr></thead>
    <tbody>${recent.map((d) => `<tr><th scope="row">${escapeHtml(String(d.day))}</th><td>${formatMinutes(d.activeMs)}</td><td>${num(d.attempts)}</td></tr>`).join('')}</tbody>
  </table>
</section>
${sections.join('\n')}
</body>
</html>
`;
}

/** Horizontal bars, 0–100 %, with a mastered line at 80 %. Labels are already escaped. */
function masteryChart(bars: { label: string; value: number }[], labelledBy: string): string {
  const row = 26;
  const left = 180;
  const width = 640;
  const plot = width - left - 50;
  const height = bars.length * row + 24;
  const x80 = left + plot * 0.8;
  return `<svg role="img" aria-labelledby="${labelledBy}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-size="12">
  ${bars
    .map((b, i) => {
      const y = i * row + 4;
      const w = Math.max(1, plot * b.value);
      return `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${b.label}</text><rect x="${left}" y="${y + 3}" width="${plot}" height="16" fill="#eee"/><rect x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="16" fill="${b.value >= 0.8 ? '#2e7d32' : '#1565c0'}"/><text x="${(left + w + 4).toFixed(1)}" y="${y + 15}">${Math.round(b.value * 100)}%</text>`;
    })
    .join('\n  ')}
  <line x1="${x80}" x2="${x80}" y1="0" y2="${height - 20}" stroke="#555" stroke-dasharray="4 3"/>
  <text x="${x80}" y="${height - 6}" text-anchor="middle">80%</text>
</svg>`;
}

function activityChart(days: { day: string; activeMs: number }[], labelledBy: string): string {
  const width = 640;
  const height = 160;
  const bottom = 130;
  const max = Math.max(1, ...days.map((d) => d.activeMs));
  const step = width / days.length;
  return `<svg role="img" aria-labelledby="${labelledBy}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-size="10">
  ${days
    .map((d, i) => {
      const h = (bottom - 10) * (d.activeMs / max);
      return `<rect x="${(i * step + 2).toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${(step - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="#1565c0"><title>${escapeHtml(String(d.day))}: ${formatMinutes(d.activeMs)} min</title></rect>`;
    })
    .join('\n  ')}
  <line x1="0" x2="${width}" y1="${bottom}" y2="${bottom}" stroke="#555"/>
  <text x="0" y="${bottom + 16}">${escapeHtml(String(days[0]?.day ?? ''))}</text>
  <text x="${width}" y="${bottom + 16}" text-anchor="end">${escapeHtml(String(days.at(-1)?.day ?? ''))}</text>
</svg>`;
}
