// cad-054-bar: bar stock (sharp edges), label -Y
// features: -Y pocket in pocket; -Y slot; -Y rounded pocket; -Z pocket in pocket; +Y pocket in pocket
// removed mm^3: px=0.000 mx=0.000 py=54.123 my=438.702 pz=0.000 mz=206.979
// margin: label blind 438.702 >= 1.50 x 206.979 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([-129.75, 30.50, -164.43], [[0, 1, 0], [0, 0, -1], [-1, 0, 0]])
part() {
	box([59.86, 10.99, 22.80]);
	face([0, 0, 22.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([22.30, 4.20, 0]) pocket2(4.08, 3.99, 1.19, 5.20, 2.45, 1.21, 0.01, 8.11, -0.06, -0.08);  // -Y 102.178
	face([0, 0, 22.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([29.24, 7.55, 0]) slot(3.87, 1.15, 6.02);  // -Y 78.386
	face([0, 0, 22.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([12.85, 6.38, 0]) pocket(5.20, 6.19, 2.12, 9.15);  // -Y 258.138
	face([59.86, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([4.61, 12.03, 0]) pocket2(4.47, 4.58, 1.06, 9.32, 1.57, 2.26, 0.13, 7.20, 0.71, -0.52);  // -Z 206.979
	face([0, 10.99, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([51.96, 4.06, 0]) pocket2(3.58, 5.49, 0.29, 2.26, 1.56, 2.95, 0.39, 2.21, -0.44, 0.46);  // +Y 54.123
}
