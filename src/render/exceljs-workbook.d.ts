// exceljs's Workbook class on its own (see loadWorkbook in xlsx.ts): the entry's type.
declare module 'exceljs/lib/doc/workbook.js' {
  const Workbook: typeof import('exceljs').Workbook;
  export default Workbook;
}
