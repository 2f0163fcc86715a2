// cad-121-box: box stock (sharp edges), label +X
// features: +X hole; +X countersink; +X slot; +X rounded pocket; -Z rounded pocket; -Y slot; +Z slot
// removed mm^3: px=53.097 mx=0.000 py=0.000 my=3.784 pz=1.950 mz=19.160
// margin: label blind 53.097 >= 1.50 x 19.160 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([107.93, -177.54, 62.05], [[0, 0, 1], [-1, 0, 0], [0, -1, 0]])
part() {
	box([17.66, 7.25, 16.17]);
	face([0, 0, 16.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.31, 4.75, 0]) hole(0.51, 5.44);  // +X 4.395
	face([0, 0, 16.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.27, 3.88, 0]) csink(1.31, 0.61, 0.70, 2.18);  // +X 3.803
	face([0, 0, 16.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.92, 1.24, 0]) slot(2.49, 0.87, 2.54);  // +X 16.976
	face([0, 0, 16.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([8.39, 1.88, 0]) pocket(2.00, 2.35, 0.37, 6.10);  // +X 27.923
	face([0, 7.25, 16.17], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([6.49, 11.57, 0]) pocket(2.03, 5.53, 0.49, 1.74);  // -Z 19.160
	face([17.66, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([1.99, 10.84, 0]) slot(1.62, 0.20, 4.90);  // -Y 3.784
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([9.20, 2.38, 0]) slot(1.69, 0.24, 1.97);  // +Z 1.950
}
