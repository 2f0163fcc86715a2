// cad-067-shaft: shaft stock (turned edges), label -Z
// features: -Z rounded pocket; -Z slot; -Z countersink; +Z slot; +Z pocket in pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=20669.649 mz=99990.104
// margin: label blind 99990.104 >= 1.50 x 20669.649 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-28.80, 2.06, 37.87], [[-1, 0, 0], [0, 1, 0], [0, 0, -1]])
part() {
	shaft_z([[76.49, 116.06], [101.51, 44.21]]);
	face([0, 0, 160.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-8.66, -28.27, 0]) pocket(34.20, 47.56, 7.52, 28.08);  // -Z 44253.694
	face([0, 0, 160.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.76, 48.35, 0]) slot(64.29, 14.58, 19.39);  // -Z 49152.142
	face([0, 0, 160.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-65.48, 9.44, 0]) csink(15.76, 9.61, 6.15, 18.18);  // -Z 6584.268
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([28.11, -43.94, 0]) slot(16.53, 7.19, 23.15);  // +Z 9219.733
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.24, 46.44, 0]) pocket2(32.10, 23.53, 4.97, 13.40, 12.14, 10.43, 2.14, 13.26, 3.32, 2.94);  // +Z 11449.915
}
