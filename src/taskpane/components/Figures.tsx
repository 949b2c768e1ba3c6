/** The counts at the top of the results: overdue, due soon, missing departments first. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { SheetStats } from '../../core/types';
import type { Strings } from '../i18n';
import { figuresOf, type Figure } from '../logic';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0 },
  row: { display: 'grid', gap: tokens.spacingHorizontalS, margin: 0 },
  urgent: { gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' },
  totals: { gridTemplateColumns: 'repeat(4, minmax(0, 1fr))' },
  tile: {
    display: 'flex',
    flexDirection: 'column-reverse',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  label: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '100%',
  },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    fontVariantNumeric: 'tabular-nums',
  },
  big: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
  },
  dangerValue: { color: tokens.colorStatusDangerForeground1 },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
  },
  warningValue: { color: tokens.colorStatusWarningForeground3 },
  successValue: { color: tokens.colorStatusSuccessForeground1 },
});

export function Figures({ stats, t }: { stats: SheetStats; t: Strings }) {
  const styles = useStyles();
  const { urgent, totals } = figuresOf(stats);
  const tile = (f: Figure, big: boolean) => (
    <div
      key={f.key}
      data-figure={f.key}
      data-tone={f.tone}
      className={mergeClasses(styles.tile, f.tone === 'danger' && styles.danger, f.tone === 'warning' && styles.warning)}
    >
      <dt className={styles.label}>{t.figures[f.key]}</dt>
      <dd
        className={mergeClasses(
          styles.value,
          big && styles.big,
          f.tone === 'danger' && styles.dangerValue,
          f.tone === 'warning' && styles.warningValue,
          f.tone === 'success' && styles.successValue,
        )}
      >
        {f.value}
      </dd>
    </div>
  );
  return (
    <section className={styles.root} aria-label={t.figuresLabel}>
      <dl className={mergeClasses(styles.row, styles.urgent)}>{urgent.map((f) => tile(f, true))}</dl>
      <dl className={mergeClasses(styles.row, styles.totals)}>{totals.map((f) => tile(f, false))}</dl>
    </section>
  );
}
