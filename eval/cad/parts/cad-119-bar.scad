// cad-119-bar: bar stock (sharp edges), label -Z
// features: -Z pocket; -Y countersink; +Z countersink; -X pocket
// removed mm^3: px=0.000 mx=53.123 py=0.000 my=77.073 pz=18.924 mz=1099.111
// margin: label blind 1099.111 >= 1.50 x 77.073 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([46.31, -113.33, 22.24], [[-1, 0, 0], [0, 1, 0], [0, 0, -1]])
part() {
	box([17.25, 18.97, 67.08]);
	face([0, 0, 67.08], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.95, 8.01, 0]) pocket(6.06, 7.34, 0.00, 24.71);  // -Z 1099.111
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([8.80, 13.46, 0]) csink(4.08, 1.92, 2.16, 3.37);  // -Y 77.073
	face([0, 18.97, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([14.62, 2.88, 0]) csink(1.32, 0.80, 0.52, 9.08);  // +Z 18.924
	face([17.25, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([8.60, 31.07, 0]) pocket(4.29, 4.06, 0.00, 3.05);  // -X 53.123
}
