// cad-045-boxchamfer: box_chamfer stock (chamfer edges), label +X
// features: +X counterbore through; +X slot; +X counterbore; +X 4 holes through; +Z countersink
// removed mm^3: px=22.178 mx=0.000 py=0.000 my=0.000 pz=0.259 mz=0.000
// margin: label blind 14.409 >= 1.50 x 7.770 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([260.60, -43.06, 12.21], [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
part() {
	box_chamfer([9.03, 8.77, 5.86], 0.66);
	face([0, 0, 5.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.87, 5.98, 0]) cbore(0.61, 1.77, 0.38, 5.88);  // +X 3.899
	face([0, 0, 5.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.33, 1.73, 0]) slot(2.94, 0.60, 2.95);  // +X 13.723
	face([0, 0, 5.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.24, 4.46, 0]) cbore(0.77, 0.21, 0.42, 0.75);  // +X 0.686
	face([0, 0, 5.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.22, 6.43, 0]) { translate([-0.84, -0.69, 0]) hole(0.23, 5.88); translate([-0.84, 0.69, 0]) hole(0.23, 5.88); translate([0.84, -0.69, 0]) hole(0.23, 5.88); translate([0.84, 0.69, 0]) hole(0.23, 5.88); };  // +X 3.871
	face([0, 8.77, 5.86], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([4.08, 1.80, 0]) csink(0.44, 0.24, 0.20, 1.23);  // +Z 0.259
}
