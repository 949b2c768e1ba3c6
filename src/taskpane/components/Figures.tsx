/**
 * The counts at the top of the results, grouped as the report sentence counts them:
 * 总数 = 已完成 + 正在推进 + 逾期未完成, with the finer split beneath each tile, then 即将到期 and
 * 缺责任单位. The tiles add up to 总数 and agree with the sentence below them.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n';
import type { SentenceFigures } from '../../core/summary';
import { figuresOf, type Figure } from '../logic';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0 },
  total: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  totalValue: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  totalLabel: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  equation: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  row: { display: 'grid', gap: tokens.spacingHorizontalS, margin: 0 },
  three: { gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' },
  two: { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
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
    // Whole words on a second line rather than cut ("In progr…") or broken mid-word.
    overflowWrap: 'normal',
    wordBreak: 'normal',
  },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    fontVariantNumeric: 'tabular-nums',
  },
  parts: {
    margin: 0,
    marginTop: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  partList: { margin: 0 },
  part: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  partLabel: { margin: 0, minWidth: 0 },
  partValue: { margin: 0, fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
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

export function Figures({ figures, t }: { figures: SentenceFigures; t: Strings }) {
  const styles = useStyles();
  const { total, groups, attention } = figuresOf(figures);
  const tile = (f: Figure) => (
    <div
      key={f.key}
      data-figure={f.key}
      data-tone={f.tone}
      className={mergeClasses(
        styles.tile,
        f.tone === 'danger' && styles.danger,
        f.tone === 'warning' && styles.warning,
      )}
    >
      <dt className={styles.label}>{t.figures[f.key]}</dt>
      <dd
        className={mergeClasses(
          styles.value,
          f.tone === 'danger' && styles.dangerValue,
          f.tone === 'warning' && styles.warningValue,
          f.tone === 'success' && styles.successValue,
        )}
      >
        {f.value}
      </dd>
      {f.parts && f.parts.length > 0 && (
        <dd className={styles.parts}>
          <dl className={styles.partList}>
            {f.parts.map((p) => (
              <div key={p.key} data-figure={p.key} className={styles.part}>
                <dt className={styles.partLabel}>{t.figures[p.key]}</dt>
                <dd className={styles.partValue}>{p.value}</dd>
              </div>
            ))}
          </dl>
        </dd>
      )}
    </div>
  );
  return (
    <section className={styles.root} aria-label={t.figuresLabel} data-testid="figures">
      <dl className={styles.total}>
        <div data-figure={total.key} style={{ display: 'contents' }}>
          <dt className={styles.totalLabel}>{t.figures.rows}</dt>
          <dd className={styles.totalValue}>{total.value}</dd>
        </div>
        <span className={styles.equation}>{t.figuresSum}</span>
      </dl>
      <dl className={mergeClasses(styles.row, styles.three)}>{groups.map(tile)}</dl>
      <dl className={mergeClasses(styles.row, styles.two)}>{attention.map(tile)}</dl>
    </section>
  );
}
