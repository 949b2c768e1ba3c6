/**
 * Column settings: which sheet column each ledger field comes from (detected or chosen), which
 * fields are required, the due-soon window, the as-of date and whether done rows turn green.
 * Every change is saved with the workbook at once.
 */
import { useMemo } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field as FluentField,
  Input,
  InfoLabel,
  Option,
  SpinButton,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import type { Field, Grid, HeaderResult } from '../../core/types';
import { columnLetter, FIELDS, HEADER_SYNONYMS, parseIso, type LedgerSettings } from '../engine';
import type { Strings } from '../i18n';
import { headerColumns } from '../logic';
import type { SaveState } from '../useLedgerSettings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  mapping: {
    display: 'grid',
    gridTemplateColumns: 'minmax(5.5em, auto) minmax(0, 1fr)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  dropdown: { minWidth: 0, width: '100%' },
  required: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  date: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  dateInput: { flexGrow: 1, minWidth: 0 },
  reset: { alignSelf: 'flex-start' },
});

export interface ColumnsViewProps {
  t: Strings;
  settings: LedgerSettings;
  saveState: SaveState;
  update: (change: Partial<LedgerSettings>) => void;
  /** The last sheet read; null before the first check. */
  source: { grid: Grid; header: HeaderResult | null } | null;
  /** Settings of the last check, to tell a detected column from a chosen one. */
  checkedWith: LedgerSettings | null;
}

const AUTO = 'auto';
const NONE = 'none';
const colValue = (n: number) => `col:${n}`;

export function ColumnsView({ t, settings, saveState, update, source, checkedWith }: ColumnsViewProps) {
  const styles = useStyles();
  const columns = useMemo(() => (source ? headerColumns(source.grid, source.header) : []), [source]);
  const overrides = settings.columnOverrides;

  const label = (n: number) => {
    const c = columns.find((x) => x.column === n);
    return t.columnOption(columnLetter(n), c ? c.text : '');
  };

  const autoLabel = (field: Field): string => {
    // The header's mapping shows detection only when that check did not use an override here.
    const usedOverride = checkedWith ? checkedWith.columnOverrides[field] !== undefined : false;
    if (!source?.header || usedOverride) return t.autoOption;
    const m = source.header.columns[field];
    return m ? t.autoDetected(t.columnOption(columnLetter(m.column), m.header)) : t.autoNotFound;
  };

  const setOverride = (field: Field, value: string) => {
    const next: Partial<Record<Field, number | null>> = { ...overrides };
    if (value === AUTO) delete next[field];
    else if (value === NONE) next[field] = null;
    else next[field] = Number(value.slice(4));
    update({ columnOverrides: next });
  };

  const toggleRequired = (field: Field, on: boolean) => {
    const set = new Set(settings.required);
    if (on) set.add(field);
    else set.delete(field);
    update({ required: FIELDS.filter((f) => set.has(f)) });
  };

  return (
    <div className={styles.root}>
      <Body1>{t.columnsIntro}</Body1>
      {!source && <Caption1>{t.columnsNeedCheck}</Caption1>}

      <section className={styles.section} aria-labelledby="columns-mapping-title">
        <Subtitle2 as="h2" id="columns-mapping-title">
          {t.columnHeader}
        </Subtitle2>
        <div className={styles.mapping}>
          {FIELDS.map((field) => {
            const o = overrides[field];
            const selected = o === undefined ? AUTO : o === null ? NONE : colValue(o);
            const shown = o === undefined ? autoLabel(field) : o === null ? t.noSuchColumn : label(o);
            const extra = typeof o === 'number' && !columns.some((c) => c.column === o) ? [o] : [];
            const id = `field-${field}`;
            return (
              <div key={field} style={{ display: 'contents' }}>
                <InfoLabel
                  htmlFor={id}
                  info={t.headerNames(HEADER_SYNONYMS[field].slice(0, 8))}
                  infoButton={{ 'aria-label': t.headerNamesButton(t.fields[field]) }}
                >
                  {t.fields[field]}
                </InfoLabel>
                <Dropdown
                  id={id}
                  className={styles.dropdown}
                  size="small"
                  aria-label={t.fields[field]}
                  value={shown}
                  selectedOptions={[selected]}
                  onOptionSelect={(_, data) => data.optionValue && setOverride(field, data.optionValue)}
                >
                  <Option value={AUTO} text={autoLabel(field)}>
                    {autoLabel(field)}
                  </Option>
                  <Option value={NONE}>{t.noSuchColumn}</Option>
                  {[...columns.map((c) => c.column), ...extra].map((n) => (
                    <Option key={n} value={colValue(n)} text={label(n)}>
                      {label(n)}
                    </Option>
                  ))}
                </Dropdown>
              </div>
            );
          })}
        </div>
        {Object.keys(overrides).length > 0 && (
          <Button
            className={styles.reset}
            size="small"
            appearance="subtle"
            icon={<ArrowResetRegular />}
            onClick={() => update({ columnOverrides: {} })}
          >
            {t.resetColumns}
          </Button>
        )}
      </section>

      <section className={styles.section} aria-labelledby="columns-required-title">
        <Subtitle2 as="h2" id="columns-required-title">
          {t.requiredTitle}
        </Subtitle2>
        <Caption1>{t.requiredHint}</Caption1>
        <div className={styles.required} role="group" aria-labelledby="columns-required-title">
          {FIELDS.map((field) => (
            <Checkbox
              key={field}
              label={t.fields[field]}
              checked={settings.required.includes(field)}
              onChange={(_, data) => toggleRequired(field, data.checked === true)}
            />
          ))}
        </div>
      </section>

      <section className={styles.section}>
        <FluentField label={t.dueSoonDays} hint={t.dueSoonHint}>
          <SpinButton
            min={0}
            max={365}
            incrementButton={{ 'aria-label': t.increase }}
            decrementButton={{ 'aria-label': t.decrease }}
            value={settings.dueSoonDays}
            onChange={(_, data) => {
              const v =
                data.value ??
                (data.displayValue !== undefined ? Number.parseInt(data.displayValue, 10) : NaN);
              if (Number.isInteger(v) && v >= 0 && v <= 365) update({ dueSoonDays: v as number });
            }}
          />
        </FluentField>

        <FluentField label={t.asOf} hint={t.asOfHint}>
          <div className={styles.date}>
            <Input
              className={styles.dateInput}
              type="date"
              aria-label={t.asOf}
              value={settings.asOf ?? ''}
              onChange={(_, data) => {
                if (!data.value) update({ asOf: null });
                else if (parseIso(data.value)) update({ asOf: data.value });
              }}
            />
            {settings.asOf && (
              <Button size="small" onClick={() => update({ asOf: null })}>
                {t.asOfToday}
              </Button>
            )}
          </div>
        </FluentField>

        <FluentField label={t.issuedOn} hint={t.issuedOnHint}>
          <Input
            className={styles.dateInput}
            type="date"
            aria-label={t.issuedOn}
            value={settings.issuedOn ?? ''}
            onChange={(_, data) => {
              if (!data.value) update({ issuedOn: null });
              else if (parseIso(data.value)) update({ issuedOn: data.value });
            }}
          />
        </FluentField>

        <Switch
          label={t.markDone}
          checked={settings.markDone}
          onChange={(_, data) => update({ markDone: data.checked })}
        />
      </section>

      <Caption1 role="status" aria-live="polite">
        {saveState === 'saving' ? t.saving : saveState === 'saved' ? t.saved : ''}
      </Caption1>
    </div>
  );
}
