// cad-090-lstock: lstock stock (sharp edges), label +Y
// features: +Y slot; +Y slot; +Y counterbore; +Y circular pocket; +Y slot; +Y counterbore through; +Y circular pocket
// removed mm^3: px=0.000 mx=0.000 py=437348.649 my=0.000 pz=0.000 mz=0.000
// margin: label blind 408561.943 >= 1.50 x 28786.706 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-81.17, 16.14, -20.41], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	lstock([338.85, 209.22, 173.01], 108.54, 55.43);
	face([0, 0, 173.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([248.38, 96.79, 0]) slot(71.54, 5.63, 104.77);  // +Y 94658.564
	face([0, 0, 173.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([286.06, 55.90, 0]) slot(18.64, 8.20, 75.56);  // +Y 38798.475
	face([0, 0, 173.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([201.14, 46.57, 0]) cbore(6.54, 9.39, 4.15, 31.95);  // +Y 2441.744
	face([0, 0, 173.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([139.11, 63.49, 0]) hole(24.39, 42.05);  // +Y 77298.660
	face([0, 0, 173.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([298.76, 17.32, 0]) slot(26.03, 6.89, 87.44);  // +Y 44191.324
	face([0, 0, 173.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([67.22, 19.29, 0]) cbore(11.02, 51.11, 5.05, 173.03);  // +Y 28786.706
	face([0, 0, 173.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([82.39, 76.06, 0]) hole(22.83, 93.86);  // +Y 151173.176
}
