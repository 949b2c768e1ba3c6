/**
 * Findings grouped by kind, one accordion section per kind with its count. Each finding is a
 * focusable row: click, Enter or Space selects its cell in the sheet.
 */
import { useState, type KeyboardEvent } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  CounterBadge,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding, FindingCode, SheetReport } from '../../core/types';
import { findingRuns, renderFinding } from '../engine';
import type { Strings } from '../i18n';
import { findingAddress, groupFindings } from '../logic';

const PAGE = 100;

const useStyles = makeStyles({
  headerText: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `-${tokens.strokeWidthThick}`,
    },
  },
  where: { color: tokens.colorBrandForeground1 },
  message: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    wordBreak: 'break-word',
  },
  more: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalXS },
});

export interface FindingListProps {
  t: Strings;
  report: SheetReport;
  findings: Finding[];
  onSelect: (finding: Finding) => void;
}

function badgeColor(findings: Finding[]): 'danger' | 'important' | 'informative' {
  if (findings.some((f) => f.severity === 'error')) return 'danger';
  if (findings.some((f) => f.severity === 'warning')) return 'important';
  return 'informative';
}

export function FindingList({ t, report, findings, onSelect }: FindingListProps) {
  const styles = useStyles();
  const groups = groupFindings(findings);
  const [open, setOpen] = useState<FindingCode[] | null>(null);
  const [shown, setShown] = useState<Partial<Record<FindingCode, number>>>({});
  // Until the clerk opens or closes a section, the first one is open.
  const openItems = open ?? (groups[0] ? [groups[0].code] : []);

  const activate = (f: Finding) => onSelect(f);
  const onKey = (e: KeyboardEvent<HTMLDivElement>, f: Finding) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(f);
    }
  };

  return (
    <Accordion
      multiple
      collapsible
      openItems={openItems}
      onToggle={(_, data) => setOpen(data.openItems as FindingCode[])}
    >
      {groups.map(({ code, findings: list }) => {
        const limit = shown[code] ?? PAGE;
        const runs = findingRuns(list);
        return (
          <AccordionItem key={code} value={code} data-code={code}>
            <AccordionHeader size="small">
              <span className={styles.headerText}>
                <span>{t.codes[code]}</span>
                <CounterBadge
                  count={list.length}
                  overflowCount={9999}
                  size="small"
                  appearance="filled"
                  color={badgeColor(list)}
                />
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {/* The same finding on consecutive rows is one entry ("第 5–19 行"); it selects the first. */}
                {runs.slice(0, limit).map((run, i) => {
                  const f = run.finding;
                  const address = findingAddress(f, report);
                  // Rendered in the pane's language, which the clerk may change after the check.
                  const message = renderFinding(f, t.lang);
                  const rows =
                    run.firstRow === null
                      ? t.sheetLevel
                      : run.lastRow !== null && run.lastRow !== run.firstRow
                        ? t.rowRange(run.firstRow, run.lastRow)
                        : t.row(run.firstRow);
                  const where =
                    f.row !== null && f.column ? `${rows} · ${t.column(f.column.toUpperCase())}` : rows;
                  return (
                    <li key={`${f.row ?? 's'}-${f.column ?? ''}-${f.field ?? ''}-${i}`}>
                      <div
                        className={styles.item}
                        role="button"
                        tabIndex={0}
                        aria-label={t.goToCell(address, message)}
                        data-finding={code}
                        onClick={() => activate(f)}
                        onKeyDown={(e) => onKey(e, f)}
                      >
                        <Caption1 className={styles.where}>{where}</Caption1>
                        <span className={styles.message}>{message}</span>
                      </div>
                    </li>
                  );
                })}
              </ul>
              {runs.length > limit && (
                <Button
                  className={styles.more}
                  size="small"
                  appearance="secondary"
                  onClick={() => setShown({ ...shown, [code]: limit + PAGE })}
                >
                  {t.showMore(Math.min(PAGE, runs.length - limit))}
                </Button>
              )}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
