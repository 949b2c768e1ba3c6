/** Narrow the findings by kind (several at once) and by responsible department. */
import { useMemo, useState } from 'react';
import { Button, Combobox, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { FindingCode } from '../../core/types';
import type { Strings } from '../i18n';
import type { FindingFilter } from '../logic';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  control: { minWidth: 0, width: '100%' },
  clear: { alignSelf: 'flex-start' },
});

export interface FindingFiltersProps {
  t: Strings;
  codes: Array<{ code: FindingCode; count: number }>;
  departments: string[];
  filter: FindingFilter;
  onChange: (filter: FindingFilter) => void;
}

export function FindingFilters({ t, codes, departments, filter, onChange }: FindingFiltersProps) {
  const styles = useStyles();
  const [deptText, setDeptText] = useState(filter.department ?? '');
  const shownDepartments = useMemo(() => {
    const q = deptText.trim();
    if (!q || q === filter.department) return departments;
    return departments.filter((d) => d.includes(q));
  }, [deptText, departments, filter.department]);
  const kindValue = filter.codes.map((c) => t.codes[c]).join('、');
  const active = filter.codes.length > 0 || filter.department !== null;

  return (
    <div className={styles.root}>
      <Field label={t.filterKind}>
        <Dropdown
          className={styles.control}
          multiselect
          placeholder={t.filterKindPlaceholder}
          value={kindValue}
          selectedOptions={filter.codes}
          onOptionSelect={(_, data) => onChange({ ...filter, codes: data.selectedOptions as FindingCode[] })}
        >
          {codes.map(({ code, count }) => (
            <Option key={code} value={code} text={t.codes[code]}>
              {`${t.codes[code]}（${count}）`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {departments.length > 0 && (
        <Field label={t.filterDepartment}>
          <Combobox
            className={styles.control}
            clearable
            clearIcon={{ 'aria-label': t.clearDepartment }}
            placeholder={t.filterDepartmentPlaceholder}
            value={deptText}
            selectedOptions={filter.department === null ? [] : [filter.department]}
            onChange={(e) => {
              const text = e.target.value;
              setDeptText(text);
              if (!text.trim() && filter.department !== null) onChange({ ...filter, department: null });
            }}
            onOptionSelect={(_, data) => {
              const dept = data.optionValue ?? null;
              setDeptText(dept ?? '');
              onChange({ ...filter, department: dept });
            }}
          >
            {shownDepartments.map((d) => (
              <Option key={d} value={d}>
                {d}
              </Option>
            ))}
          </Combobox>
        </Field>
      )}
      {active && (
        <Button
          className={styles.clear}
          size="small"
          appearance="subtle"
          icon={<DismissRegular />}
          onClick={() => {
            setDeptText('');
            onChange({ codes: [], department: null });
          }}
        >
          {t.clearFilters}
        </Button>
      )}
    </div>
  );
}
