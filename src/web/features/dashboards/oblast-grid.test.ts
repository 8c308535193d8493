import { describe, expect, it } from 'vitest';
import { colourClass, gridCellOf, gridSize, oblastGrid, placeOnGrid } from './oblast-grid.ts';

describe('schematic oblast grid', () => {
  it('has 27 tiles (24 oblasts, Kyiv city, Crimea, Sevastopol) on distinct positions inside the grid', () => {
    expect(oblastGrid).toHaveLength(27);
    const positions = new Set(oblastGrid.map((c) => `${c.col},${c.row}`));
    expect(positions.size).toBe(27);
    for (const c of oblastGrid) {
      expect(c.col).toBeLessThan(gridSize.cols);
      expect(c.row).toBeLessThan(gridSize.rows);
    }
  });

  it('tells Kyiv oblast from the city of Kyiv and matches by Ukrainian or English name', () => {
    expect(gridCellOf('Київська область', 'Kyiv Oblast')?.key).toBe('kyiv');
    expect(gridCellOf('м. Київ', 'Kyiv City')?.key).toBe('kyiv_city');
    expect(gridCellOf('Місто Київ', 'Kyiv')?.key).toBe('kyiv_city');
    expect(gridCellOf('Львівська область', 'Lviv Oblast')?.key).toBe('lviv');
    expect(gridCellOf('Автономна Республіка Крим', 'Autonomous Republic of Crimea')?.key).toBe('crimea');
    expect(gridCellOf('?', 'Dnipropetrovsk Oblast')?.key).toBe('dnipro');
    expect(gridCellOf('Невідома', 'Unknown')).toBeNull();
  });

  it('places the demo oblasts and keeps unmatched ones apart', () => {
    const { placed, unplaced } = placeOnGrid([{ nameUk: 'Київська область', nameEn: 'Kyiv Oblast' }, { nameUk: 'Львівська область', nameEn: 'Lviv Oblast' }, { nameUk: 'Тестова', nameEn: 'Test' }]);
    expect(placed.filter((p) => p.item).map((p) => p.cell.key).sort()).toEqual(['kyiv', 'lviv']);
    expect(unplaced.map((u) => u.nameEn)).toEqual(['Test']);
  });

  it('classes values on a linear scale', () => {
    expect(colourClass(null, 0, 10)).toBeNull();
    expect(colourClass(0, 0, 10)).toBe(0);
    expect(colourClass(10, 0, 10)).toBe(4);
    expect(colourClass(5, 0, 10)).toBe(2);
    expect(colourClass(3, 3, 3)).toBe(4);
  });
});
