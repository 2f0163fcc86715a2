// cad-141-boxtopchamfer: box_topchamfer stock (topchamfer edges), label +X
// features: +X pocket in pocket; +X countersink; +X pocket; +X circular pocket; -Z counterbore
// removed mm^3: px=15840.957 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=111.749
// margin: label blind 15840.957 >= 1.50 x 111.749 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([62.70, 104.42, 238.53], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	box_topchamfer([66.45, 97.24, 51.36], 8.43);
	face([0, 0, 51.36], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([44.42, 47.65, 0]) pocket2(15.47, 25.75, 0.10, 9.46, 7.40, 8.51, 0.51, 7.48, -2.38, 4.95);  // +X 4237.545
	face([0, 0, 51.36], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([31.30, 56.48, 0]) csink(3.96, 1.94, 2.02, 13.28);  // +X 185.660
	face([0, 0, 51.36], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([32.49, 73.42, 0]) pocket(29.17, 17.19, 0.00, 6.32);  // +X 3169.052
	face([0, 0, 51.36], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([24.27, 33.39, 0]) hole(9.35, 30.82);  // +X 8248.700
	face([66.45, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([79.23, 15.12, 0]) cbore(2.02, 3.99, 1.15, 19.28);  // -Z 111.749
}
