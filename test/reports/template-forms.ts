import ExcelJS from 'exceljs';

/*
 * Blank forms as superiors send them, built here so each test knows exactly what the form holds.
 */

const thin = { style: 'thin' as const };
export const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
export const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9D9D9' } };

export async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export async function readBack(contentBase64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

export interface CityFormOptions {
  /** Blank bordered rows under the header (the first holds a 示例). */
  readonly sampleRows?: number;
}

/**
 * 市卫健委's quarterly form: a title merged over rows 1–2, 填报单位 on row 3, a header over rows 4–5 with merged cells
 * (推进情况 over 进展情况 and 存在问题), columns in another order than ours (牵头单位 before the
 * task), 备注 and 联系人 we leave alone, blank numbered rows, a note and 填报人 under the table,
 * landscape A4 with a print area, a 是/否 list on 是否按序时推进, and a second sheet of instructions.
 * The first blank row holds sample text (示例, 请填写, 是/否) to be replaced.
 */
export function cityForm(options: CityFormOptions = {}): ExcelJS.Workbook {
  const sampleRows = options.sampleRows ?? 2;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('重点工作');
  sheet.columns = [6, 12, 30, 40, 20, 20, 10, 10, 10].map((width) => ({ width }));
  sheet.mergeCells('A1:I2');
  sheet.getCell('A1').value = '____年第__季度全市卫生健康重点工作推进情况表';
  sheet.getCell('A1').style = { font: { name: '方正小标宋简体', size: 18 }, alignment: { horizontal: 'center', vertical: 'middle' } };
  sheet.getRow(1).height = 24;
  sheet.mergeCells('A3:I3');
  sheet.getCell('A3').value = '填报单位（盖章）：                    填报时间：';
  const header = (address: string, text: string, range?: string) => {
    if (range) sheet.mergeCells(range);
    const cell = sheet.getCell(address);
    cell.value = text;
  };
  header('A4', '序  号', 'A4:A5');
  header('B4', '牵头\n单位', 'B4:B5');
  header('C4', '重点任务', 'C4:C5');
  header('D4', '推进情况', 'D4:E4');
  header('D5', '进展情况');
  header('E5', '存在\n问题');
  header('F4', '下一步工作', 'F4:F5');
  header('G4', '是否按序时推进', 'G4:G5');
  header('H4', '备注', 'H4:H5');
  header('I4', '联系人', 'I4:I5');
  for (let row = 4; row <= 5; row++) {
    for (let column = 1; column <= 9; column++) {
      sheet.getCell(row, column).style = {
        font: { name: '黑体', size: 11, bold: true },
        fill: HEADER_FILL,
        border: BORDER,
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      };
    }
  }
  for (let i = 0; i < sampleRows; i++) {
    const row = 6 + i;
    for (let column = 1; column <= 9; column++) {
      sheet.getCell(row, column).style = { font: { name: '仿宋_GB2312', size: 12 }, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle' } };
    }
    sheet.getCell(row, 1).value = i + 1;
    sheet.getCell(row, 7).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否,已完成"'] };
    sheet.getRow(row).height = 30;
  }
  if (sampleRows > 0) {
    sheet.getCell(6, 3).value = '示例：XXXX工作';
    sheet.getCell(6, 4).value = '（请填写具体措施和成效）';
    sheet.getCell(6, 7).value = '是/否';
  }
  const note = 6 + sampleRows;
  sheet.mergeCells(note, 1, note, 9);
  sheet.getCell(note, 1).value = '注：请于每季度结束后次月5日前报送，联系电话：12345678。';
  sheet.getCell(note + 1, 1).value = '填报人：';
  sheet.getCell(note + 1, 6).value = '审核人：';
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, printArea: `A1:I${note + 1}`, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  const guide = workbook.addWorksheet('填表说明');
  guide.getCell('A1').value = '填表说明';
  guide.getCell('A2').value = '1. 进展情况请写明具体措施和成效。';
  guide.getCell('A2').style = { font: { name: '宋体', size: 12, italic: true } };
  guide.getColumn(1).width = 50;
  return workbook;
}

/** 区政府督查室's indicator form: one header row, no sample rows, an extra 数据来源 column. */
export function indicatorForm(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('指标');
  sheet.columns = [6, 28, 8, 12, 10, 12, 10, 12, 14].map((width) => ({ width }));
  sheet.mergeCells('A1:I1');
  sheet.getCell('A1').value = '2024年第X季度卫生健康主要指标完成情况';
  ['序号', '指标名称', '单位', '年度目标', '基数', '一季度完成值', '是否达标', '责任科室', '数据来源'].forEach((text, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = text;
    cell.style = { font: { name: '宋体', size: 11, bold: true }, border: BORDER };
  });
  sheet.pageSetup = { orientation: 'portrait', paperSize: 9, printTitlesRow: '2:2' };
  return workbook;
}
