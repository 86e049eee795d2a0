/**
 * The pane's navigation: a Fluent TabList whose tabs that do not fit the pane's width move into
 * a "More" menu (Fluent's Overflow), so any number of views fits a 320 px pane with no sideways
 * scroll. The selected view always stays visible as a tab.
 */
import {
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
  type MenuProps,
} from "@fluentui/react-components";
import { usePane } from "../context";
import type { PaneView } from "../views";

const useStyles = makeStyles({
  // min-width 0 lets the strip shrink below its content, which is what makes tabs overflow.
  strip: { minWidth: 0, maxWidth: "100%", overflow: "hidden" },
  more: { minWidth: "auto", flexShrink: 0, color: tokens.colorNeutralForeground2 },
});

/** Props of {@link PaneNav}. */
export interface PaneNavProps {
  views: readonly PaneView[];
  selected: string;
  onSelect: (id: string) => void;
}

/** The tab strip with its overflow menu. */
export function PaneNav({ views, selected, onSelect }: PaneNavProps) {
  const styles = useStyles();
  const { t } = usePane();
  return (
    <Overflow minimumVisible={2} padding={0}>
      <TabList
        size="small"
        className={styles.strip}
        selectedValue={selected}
        onTabSelect={(_, data) => onSelect(String(data.value))}
        aria-label={t("pane.nav")}
      >
        {views.map((view) => (
          // The selected view outranks the rest, so it never hides in the menu.
          <OverflowItem key={view.id} id={view.id} priority={view.id === selected ? 2 : 1}>
            <Tab value={view.id} id={`ar-tab-${view.id}`} aria-controls={`ar-panel-${view.id}`}>
              {t(view.label)}
            </Tab>
          </OverflowItem>
        ))}
        <MoreMenu views={views} selected={selected} onSelect={onSelect} className={styles.more} />
      </TabList>
    </Overflow>
  );
}

function MoreMenu({ views, selected, onSelect, className }: PaneNavProps & { className: string }) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  const { t } = usePane();
  const onCheckedValueChange: MenuProps["onCheckedValueChange"] = (_, data) => {
    const next = data.checkedItems[0];
    if (next) onSelect(next);
  };
  if (!isOverflowing) return null;
  return (
    <Menu checkedValues={{ view: [selected] }} onCheckedValueChange={onCheckedValueChange}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          ref={ref}
          appearance="transparent"
          size="small"
          className={className}
          aria-label={t("pane.nav.more.label", { count: overflowCount })}
        >
          {t("pane.nav.more")}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {views.map((view) => (
            <HiddenViewItem key={view.id} view={view} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** A menu entry for a view whose tab does not fit; nothing for a visible one. */
function HiddenViewItem({ view }: { view: PaneView }) {
  const visible = useIsOverflowItemVisible(view.id);
  const { t } = usePane();
  if (visible) return null;
  return (
    <MenuItemRadio name="view" value={view.id}>
      {t(view.label)}
    </MenuItemRadio>
  );
}
