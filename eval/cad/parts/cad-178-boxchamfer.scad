// cad-178-boxchamfer: box_chamfer stock (chamfer edges), label -Z
// features: -Z pocket in pocket; -Z pocket; -Z slot
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=19905.082
// margin: label blind 19905.082 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([85.86, -6.48, -1.55], [[0, 1, 0], [1, 0, 0], [0, 0, -1]])
part() {
	box_chamfer([71.41, 63.20, 65.65], 5.68);
	face([0, 0, 65.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([40.56, 29.75, 0]) pocket2(38.34, 33.83, 9.31, 11.37, 18.03, 16.90, 4.74, 7.86, 1.62, 2.07);  // -Z 16085.051
	face([0, 0, 65.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.75, 43.57, 0]) pocket(11.07, 19.47, 0.00, 14.52);  // -Z 3129.538
	face([0, 0, 65.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([48.56, 51.83, 0]) slot(9.07, 2.25, 12.23);  // -Z 690.493
}
