// cad-072-rodend: rod_end stock (turned edges), label +Y
// features: +Y countersink; +Y circular pocket; -Y slot
// removed mm^3: px=0.000 mx=0.000 py=5.748 my=1.135 pz=0.000 mz=0.000
// margin: label blind 5.748 >= 1.50 x 1.135 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([174.90, 100.16, 44.58], [[1, 0, 0], [0, 0, 1], [0, -1, 0]])
part() {
	rod_z(1.77, 12.76);
	face([0, 0, 12.76], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.53, 0.04, 0]) csink(0.73, 0.40, 0.33, 4.86);  // +Y 2.588
	face([0, 0, 12.76], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.93, 0.28, 0]) hole(0.40, 6.36);  // +Y 3.160
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-0.41, 0.09, 0]) slot(0.80, 0.25, 1.91);  // -Y 1.135
}
