// cad-151-box: box stock (sharp edges), label -Y
// features: -Y step; -Z countersink; +Z pocket in pocket; -X rounded pocket
// removed mm^3: px=0.000 mx=157311.960 py=0.000 my=6646763.773 pz=21590.396 mz=17748.099
// margin: label blind 6646763.773 >= 1.50 x 157311.960 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-117.53, -235.76, 3.37], [[1, 0, 0], [0, 0, -1], [0, 1, 0]])
part() {
	box([209.28, 411.64, 469.26]);
	face([0, 0, 469.26], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([104.64, 343.95, 0]) translate([0, 0.50, 0]) step(211.28, 136.38, 234.60);  // -Y 6646763.773
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([162.46, 383.52, 0]) csink(14.75, 8.92, 5.83, 66.82);  // -Z 17748.099
	face([0, 411.64, 469.26], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([190.76, 380.15, 0]) pocket2(20.16, 38.26, 1.20, 23.40, 7.63, 17.70, 1.17, 26.68, 1.46, -1.22);  // +Z 21590.396
	face([0, 0, 469.26], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([303.24, 335.04, 0]) pocket(80.64, 47.27, 17.85, 44.54);  // -X 157311.960
}
