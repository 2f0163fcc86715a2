// cad-149-boxchamfer: box_chamfer stock (chamfer edges), label +Z
// features: +Z hole; +Z rounded pocket; +Z counterbore; +Z countersink through; -Z counterbore
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=2020090.273 mz=21192.839
// margin: label blind 1596816.175 >= 1.50 x 444466.938 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-72.56, -109.32, 71.54], [[-1, 0, 0], [0, -1, 0], [0, 0, 1]])
part() {
	box_chamfer([296.69, 448.93, 373.04], 27.49);
	face([0, 0, 373.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([151.28, 146.33, 0]) hole(23.65, 221.59);  // +Z 384937.237
	face([0, 0, 373.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([158.54, 307.06, 0]) pocket(120.40, 107.53, 47.94, 92.49);  // +Z 1007362.990
	face([0, 0, 373.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([224.29, 119.49, 0]) cbore(31.23, 24.43, 19.54, 134.49);  // +Z 204515.948
	face([0, 0, 373.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([76.45, 91.37, 0]) csink(35.83, 18.60, 17.23, 373.06);  // +Z 423274.098
	face([0, 448.93, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([130.77, 92.95, 0]) cbore(15.60, 18.12, 7.32, 63.17);  // -Z 21192.839
}
