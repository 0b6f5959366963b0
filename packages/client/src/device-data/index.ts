/** Device data export and import (F6): one JSON file from one device to another. */
export { exportDeviceData, deviceExportText, deviceExportFileName } from './export-data';
export { importDeviceData, parseDeviceExport, type ImportSummary } from './import-data';
