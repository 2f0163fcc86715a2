// cad-062-bar: bar stock (sharp edges), label -Y
// features: -Y pocket in pocket; -Y circular pocket; -X countersink
// removed mm^3: px=0.000 mx=0.246 py=0.000 my=1.019 pz=0.000 mz=0.000
// margin: label blind 1.019 >= 1.50 x 0.246 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([121.92, 68.58, 14.27], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	box([5.83, 1.67, 2.14]);
	face([0, 0, 2.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.07, 0.72, 0]) pocket2(1.27, 0.91, 0.27, 0.24, 0.52, 0.46, 0.18, 0.23, 0.16, -0.02);  // -Y 0.310
	face([0, 0, 2.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.80, 0.95, 0]) hole(0.57, 0.70);  // -Y 0.709
	face([5.83, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([0.58, 1.14, 0]) csink(0.50, 0.26, 0.24, 0.88);  // -X 0.246
}
