// cad-142-rodflat: rod_flat stock (turned edges), label +Y
// features: +Y flat; +Z pocket in pocket; -Z pocket
// removed mm^3: px=0.000 mx=0.000 py=165822.073 my=0.000 pz=3309.548 mz=12506.536
// margin: label blind 165822.073 >= 1.50 x 12506.536 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-47.38, -104.37, 14.47], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	rod_x(40.74, 308.78);
	translate([43.65, -41.74, 18.78]) cube([152.78, 83.48, 41.74]);  // +Y 165822.073
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([5.58, 28.02, 0]) pocket2(6.32, 11.16, 0.17, 37.66, 3.04, 4.69, 0.39, 46.36, 0.47, 0.56);  // +Z 3309.548
	face([308.78, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([0.49, 0.77, 0]) pocket(6.81, 21.31, 0.00, 86.18);  // -Z 12506.536
}
