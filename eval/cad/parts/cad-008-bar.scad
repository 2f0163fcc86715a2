// cad-008-bar: bar stock (sharp edges), label -Z
// features: -Z slot; -Z countersink; -Z hole; -Z circular pocket; -Z pocket in pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=5.410
// margin: label blind 5.410 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([185.22, -1.34, -36.69], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	box([11.60, 4.12, 3.72]);
	face([0, 0, 3.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.57, 1.29, 0]) slot(0.65, 0.25, 1.32);  // -Z 0.682
	face([0, 0, 3.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.78, 2.38, 0]) csink(0.96, 0.47, 0.50, 1.93);  // -Z 1.780
	face([0, 0, 3.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([10.80, 0.80, 0]) hole(0.29, 1.71);  // -Z 0.440
	face([0, 0, 3.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.95, 2.07, 0]) hole(0.56, 2.13);  // -Z 2.045
	face([0, 0, 3.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([10.78, 2.71, 0]) pocket2(1.01, 1.64, 0.25, 0.24, 0.55, 0.55, 0.17, 0.29, 0.04, -0.13);  // -Z 0.463
}
