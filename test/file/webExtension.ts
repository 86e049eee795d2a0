/**
 * Test support: an .xlsx carrying the add-in's saved settings as Excel saves them. The task pane
 * stores each setting with `workbook.settings.add(key, JSON.stringify(value))`; Office keeps
 * setting values as JSON, in the add-in's web extension part (`xl/webextensions/webextension1.xml`,
 * one `<we:property name value>` per setting), linked from the package through the task-pane part.
 */
import { zipData, zipEntries } from "../../src/file/zip";
import { zipArchive } from "./zipArchive";

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The web extension part of an add-in holding `settings` (values as the pane saves them). */
export function webExtensionXml(settings: Record<string, unknown>, referenceId = "{0F5C8E1A-1D2B-4C3D-9E8F-A1B2C3D4E5F6}"): string {
  const properties = Object.entries(settings)
    .map(([key, value]) => `<we:property name="${escapeXml(key)}" value="${escapeXml(JSON.stringify(JSON.stringify(value)))}"/>`)
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{7A1E2B3C-4D5E-4F60-8172-93A4B5C6D7E8}">' +
    `<we:reference id="${referenceId}" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>` +
    `<we:properties>${properties}</we:properties><we:bindings/>` +
    '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>'
  );
}

/**
 * `xlsx` with web extension parts added, one per entry of `addins` (each the settings of one
 * add-in), and the package relationships and content types Excel writes for them.
 */
export function withAddinSettings(xlsx: Buffer, addins: Array<Record<string, unknown>>): Buffer {
  const entries = zipEntries(xlsx)!;
  const parts = new Map<string, Buffer>();
  for (const [name, entry] of entries) parts.set(name, zipData(xlsx, entry));
  const text = (name: string): string => parts.get(name)!.toString("utf8");
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const panes = addins.map(
    (_, k) =>
      `<wetp:taskpane dockstate="right" visibility="0" width="350" row="${k + 1}"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId${k + 1}"/></wetp:taskpane>`,
  );
  addins.forEach((settings, k) => parts.set(`xl/webextensions/webextension${k + 1}.xml`, Buffer.from(webExtensionXml(settings))));
  parts.set(
    "xl/webextensions/taskpanes.xml",
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">${panes.join("")}</wetp:taskpanes>`,
    ),
  );
  parts.set(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${addins
        .map((_, k) =>
          rel(`rId${k + 1}`, "http://schemas.microsoft.com/office/2011/relationships/webextension", `webextension${k + 1}.xml`),
        )
        .join("")}</Relationships>`,
    ),
  );
  parts.set(
    "_rels/.rels",
    Buffer.from(
      text("_rels/.rels").replace(
        "</Relationships>",
        `${rel("rIdWe", "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes", "xl/webextensions/taskpanes.xml")}</Relationships>`,
      ),
    ),
  );
  const overrides = [
    '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>',
    ...addins.map(
      (_, k) =>
        `<Override PartName="/xl/webextensions/webextension${k + 1}.xml" ContentType="application/vnd.ms-office.webextension+xml"/>`,
    ),
  ];
  parts.set("[Content_Types].xml", Buffer.from(text("[Content_Types].xml").replace("</Types>", `${overrides.join("")}</Types>`)));
  return zipArchive([...parts].map(([name, data]) => ({ name, data })));
}
