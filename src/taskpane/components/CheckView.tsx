/** The main view: run the check, see the figures, the sentence and the findings; act on them. */
import { useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Link,
  ProgressBar,
  Field,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkStarburstRegular,
  DismissRegular,
  EraserRegular,
  TableAddRegular,
  TaskListLtrRegular,
} from '@fluentui/react-icons';
import type { Strings } from '../i18n';
import type { LedgerCheckState } from '../useLedgerCheck';
import { summarySentence, sentenceFigures } from '../engine';
import { STRINGS } from '../i18n';
import { codesPresent, departmentsOf, filterFindings, NO_FILTER, type FindingFilter } from '../logic';
import { Figures } from './Figures';
import { FindingFilters } from './FindingFilters';
import { FindingList } from './FindingList';
import { NoticeBar } from './NoticeBar';
import { SummarySentence } from './SummarySentence';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  seen: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  cancel: { alignSelf: 'flex-start' },
  valid: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorStatusSuccessForeground1,
  },
});

export interface CheckViewProps {
  t: Strings;
  check: LedgerCheckState;
  /** True when the settings changed since the results were made. */
  stale: boolean;
  /** False until the saved settings were read; a check before that would use the defaults. */
  ready: boolean;
  onOpenColumns: () => void;
}

export function CheckView({ t, check, stale, ready, onOpenColumns }: CheckViewProps) {
  const styles = useStyles();
  const { busy, phase, progress, outcome, notice } = check;
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [filterFor, setFilterFor] = useState(outcome);
  // New results start unfiltered (a department of the last sheet may not exist on this one).
  if (filterFor !== outcome) {
    setFilterFor(outcome);
    setFilter(NO_FILTER);
  }
  const report = outcome?.kind === 'done' ? outcome.report : null;
  const codes = useMemo(() => (report ? codesPresent(report) : []), [report]);
  const departments = useMemo(() => (report ? departmentsOf(report) : []), [report]);
  const shown = useMemo(() => (report ? filterFindings(report, filter) : []), [report, filter]);
  // Texts near the top that the message does not already name, each once.
  const moreSeen = useMemo(
    () =>
      outcome?.kind === 'no-header'
        ? [...new Set(outcome.seen)].filter((s) => !outcome.message.includes(s))
        : [],
    [outcome],
  );
  // The sentence in the pane's current language (the clerk may switch after checking).
  const sentence = useMemo(
    () =>
      outcome?.kind === 'done' ? summarySentence(outcome.summary, t === STRINGS.en ? 'en' : 'zh') : null,
    [outcome, t],
  );
  const figures = useMemo(() => (report ? sentenceFigures(report) : null), [report]);

  const phaseText =
    phase === 'reading' ? t.phaseReading : phase === 'checking' ? t.phaseChecking : t.phaseMarking;
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<TaskListLtrRegular />}
          disabledFocusable={busy !== null || !ready}
          onClick={() => void check.runCheck()}
        >
          {t.checkButton}
        </Button>
        <Button
          icon={<EraserRegular />}
          disabledFocusable={busy !== null}
          onClick={() => void check.clearMarks()}
        >
          {t.clearMarks}
        </Button>
        <Button
          icon={<TableAddRegular />}
          disabledFocusable={busy !== null || !report}
          onClick={() => void check.writeSummary()}
        >
          {t.writeSummary}
        </Button>
      </div>

      {busy === 'check' && phase && (
        <Field
          label={t.progressLabel}
          validationState="none"
          validationMessage={
            phase === 'reading' && progress ? t.rowsRead(progress.done, progress.total) : phaseText
          }
        >
          <ProgressBar
            value={phase === 'reading' || phase === 'marking' ? fraction : undefined}
            thickness="large"
          />
        </Field>
      )}
      {busy === 'summary' && (
        <Field label={t.writeSummary} validationState="none" validationMessage={t.phaseSummary}>
          <ProgressBar value={fraction} thickness="large" />
        </Field>
      )}
      {((busy === 'check' && phase) || busy === 'summary') && (
        <Button
          className={styles.cancel}
          size="small"
          icon={<DismissRegular />}
          disabledFocusable={check.cancelling}
          onClick={check.cancel}
        >
          {check.cancelling ? t.cancelling : t.cancel}
        </Button>
      )}

      {notice && (
        <NoticeBar
          t={t}
          intent={notice.intent}
          text={notice.text}
          details={notice.details}
          onDismiss={check.dismissNotice}
        />
      )}

      {!outcome && busy !== 'check' && <Body1>{t.checkHint}</Body1>}

      {outcome && stale && busy !== 'check' && <NoticeBar t={t} intent="info" text={t.staleResults} />}

      {outcome?.kind === 'no-header' && (
        <section className={styles.section} aria-label={t.noHeaderTitle}>
          <NoticeBar t={t} intent="warning" text={outcome.message} />
          {moreSeen.length > 0 && (
            <>
              <Caption1>{t.noHeaderSeen}</Caption1>
              <ul className={styles.seen} data-testid="no-header-seen">
                {moreSeen.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </>
          )}
          {outcome.seen.length === 0 && <Caption1>{t.noHeaderNothingSeen}</Caption1>}
          <Link as="button" onClick={onOpenColumns}>
            {t.noHeaderGoToColumns}
          </Link>
        </section>
      )}

      {outcome?.kind === 'done' && report && (
        <>
          <Caption1>{t.checkedSheet(report.name, outcome.asOf)}</Caption1>
          {figures && <Figures figures={figures} t={t} />}
          <SummarySentence sentence={sentence ?? outcome.sentence} t={t} />
          <section
            className={styles.section}
            aria-label={t.findingsTitle(shown.length, report.findings.length)}
          >
            <Subtitle2 as="h2">{t.findingsTitle(shown.length, report.findings.length)}</Subtitle2>
            {report.valid && (
              <span className={styles.valid}>
                <CheckmarkStarburstRegular />
                <Body1>{report.findings.length === 0 ? t.noFindings : t.allValid}</Body1>
              </span>
            )}
            {report.findings.length > 0 && (
              <>
                <FindingFilters
                  t={t}
                  codes={codes}
                  departments={departments}
                  filter={filter}
                  onChange={setFilter}
                />
                {shown.length === 0 ? (
                  <Body1>{t.noMatch}</Body1>
                ) : (
                  <FindingList t={t} report={report} findings={shown} onSelect={(f) => void check.goTo(f)} />
                )}
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
